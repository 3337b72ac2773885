//! The walk before pdf-extract on forms built here.

use super::*;
use crate::Limits;
use crate::pdf::test_pdfs::{Form, budget, fanning_forms, one_page};

fn cost(forms: &[Form], content: &str, limits: &Limits) -> Result<u64, Refused> {
    let (doc, page) = one_page(forms, content);
    let resources = doc
        .get_dictionary(page)
        .and_then(|p| p.get_deref(b"Resources", &doc))
        .and_then(Object::as_dict)
        .ok();
    page_cost(&doc, content.as_bytes(), resources, &budget(limits))
}

#[test]
fn forms_are_counted_each_time_they_are_drawn() {
    let forms = [
        Form::new("A", "/B Do /B Do", &["B"]),
        Form::new("B", "BT ET", &[]),
    ];
    // Page: 3 `Do`; A: 2 `Do` + 2 × B (2 operators) = 6.
    assert_eq!(
        cost(&forms, "/A Do /A Do /B Do", &Limits::default()),
        Ok(3 + 6 + 6 + 2)
    );
}

#[test]
fn a_form_drawing_itself_is_refused() {
    let forms = [Form::new("Fm0", "/Fm0 Do", &["Fm0"])];
    assert_eq!(
        cost(&forms, "/Fm0 Do", &Limits::default()),
        Err(Refused::Cycle)
    );
}

#[test]
fn forms_drawing_each_other_are_refused() {
    let forms = [
        Form::new("A", "/B Do", &["B"]),
        Form::new("B", "/C Do", &["C"]),
        Form::new("C", "/A Do", &["A"]),
    ];
    assert_eq!(
        cost(&forms, "/A Do", &Limits::default()),
        Err(Refused::Cycle)
    );
}

#[test]
fn a_form_inheriting_the_page_resources_that_draws_itself_is_refused() {
    // No resources of its own: `/Fm0` in its content is the page's `/Fm0`, itself.
    let forms = [Form::new("Fm0", "/Fm0 Do", &[])];
    assert_eq!(
        cost(&forms, "/Fm0 Do", &Limits::default()),
        Err(Refused::Cycle)
    );
}

#[test]
fn exponential_fan_out_is_refused_quickly() {
    // 11 levels each drawing the next 30 times: 30^10 draws, a walk of 11 forms.
    let limits = Limits::default();
    assert_eq!(
        cost(&fanning_forms(11, 30), "/L0 Do", &limits),
        Err(Refused::OverBudget)
    );
    assert!(cost(&fanning_forms(3, 30), "/L0 Do", &limits).is_ok());
}

#[test]
fn deep_nesting_and_deep_states_are_refused() {
    assert_eq!(
        cost(
            &fanning_forms(MAX_FORM_DEPTH + 2, 1),
            "/L0 Do",
            &Limits::default()
        ),
        Err(Refused::TooDeep)
    );
    let states = "q ".repeat(MAX_SAVED_STATES + 1);
    assert_eq!(
        cost(&[], &states, &Limits::default()),
        Err(Refused::TooManyStates)
    );
    let paired = "q Q ".repeat(MAX_SAVED_STATES + 1);
    assert!(cost(&[], &paired, &Limits::default()).is_ok());
}
