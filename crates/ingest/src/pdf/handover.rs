//! Whether a page may be handed to pdf-extract, and what it will cost.
//!
//! pdf-extract draws a Form XObject by calling itself on the form's content with no guard:
//! a form that draws itself, or two that draw each other, overflow its stack and abort the
//! process (no `catch_unwind` can catch that). It also keeps every graphics state `q` saves and
//! draws a form as many times as it is named. So before a page goes to it, the page's form
//! graph is walked here, each form on the current path remembered (a cycle is found the
//! first time it closes) and forms nested at most [`MAX_FORM_DEPTH`] deep; the operators
//! the page will run, every form counted each time it is drawn, are added up (memoised per
//! form, so the walk itself stays linear even when the drawing is exponential). A page with a
//! cycle, deeper nesting, more saved states than [`MAX_SAVED_STATES`] or more operators than
//! the budget has left is not handed over.

use std::collections::HashMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::budget::Budget;
use super::draw::{MAX_FORM_DEPTH, MAX_SAVED_STATES};
use super::fonts::deref;

/// Why a page is not handed over.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    /// A form draws itself, directly or through other forms.
    #[error("a form XObject draws itself")]
    Cycle,
    /// Forms nest deeper than [`MAX_FORM_DEPTH`].
    #[error("form XObjects nest more than {MAX_FORM_DEPTH} deep")]
    TooDeep,
    /// `q` nests deeper than [`MAX_SAVED_STATES`].
    #[error("more than {MAX_SAVED_STATES} nested graphics states")]
    TooManyStates,
    /// The page would run more operators than the budget has left (or than it may
    /// decompress).
    #[error("the page would run more operators than the document's budget has left")]
    OverBudget,
}

/// Walks a page (its content and resources) and returns how many operators drawing it runs,
/// every form counted each time it is drawn; or why it must not be handed over.
pub fn page_cost(
    doc: &Document,
    content: &[u8],
    resources: Option<&Dictionary>,
    budget: &Budget,
) -> Result<u64, Refused> {
    let mut walk = Walk {
        doc,
        on_path: Vec::new(),
        costs: HashMap::new(),
        operators_left: budget.operators_left(),
        bytes_left: budget.decompressed,
    };
    walk.content(content, resources)
}

struct Walk<'d> {
    doc: &'d Document,
    /// Forms being walked, outermost first.
    on_path: Vec<ObjectId>,
    /// Operators of each form already walked, by form and the resources it was drawn with
    /// (a form without resources of its own uses its caller's).
    costs: HashMap<(ObjectId, usize), u64>,
    operators_left: u64,
    bytes_left: usize,
}

impl<'d> Walk<'d> {
    fn content(
        &mut self,
        content: &[u8],
        resources: Option<&'d Dictionary>,
    ) -> Result<u64, Refused> {
        let mut operators = 0_u64;
        let mut depth = 0_usize;
        // A content stream that does not parse fails in pdf-extract too, without harm.
        for operation in Content::decode_iter(content).map_while(Result::ok) {
            operators = operators.saturating_add(1);
            match operation.operator.as_str() {
                "q" => {
                    depth += 1;
                    if depth > MAX_SAVED_STATES {
                        return Err(Refused::TooManyStates);
                    }
                }
                "Q" => depth = depth.saturating_sub(1),
                "Do" => {
                    let name = operation.operands.first().and_then(|n| n.as_name().ok());
                    let form = name.and_then(|name| self.form(resources, name));
                    if let Some((id, form)) = form {
                        operators = operators.saturating_add(self.form_cost(id, form, resources)?);
                    }
                }
                _ => {}
            }
            if operators > self.operators_left {
                return Err(Refused::OverBudget);
            }
        }
        Ok(operators)
    }

    /// The Form XObject a `Do` names, with its id when it is an indirect object.
    fn form(
        &self,
        resources: Option<&'d Dictionary>,
        name: &[u8],
    ) -> Option<(Option<ObjectId>, &'d lopdf::Stream)> {
        let xobjects = deref(self.doc, resources?.get(b"XObject").ok())?
            .as_dict()
            .ok()?;
        let (id, object) = self.doc.dereference(xobjects.get(name).ok()?).ok()?;
        let Object::Stream(form) = object else {
            return None;
        };
        let is_form = form.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form");
        is_form.then_some((id, form))
    }

    fn form_cost(
        &mut self,
        id: Option<ObjectId>,
        form: &'d lopdf::Stream,
        resources: Option<&'d Dictionary>,
    ) -> Result<u64, Refused> {
        let own = deref(self.doc, form.dict.get(b"Resources").ok()).and_then(|r| r.as_dict().ok());
        let resources = own.or(resources);
        let key = id.map(|id| (id, resources.map_or(0, |r| std::ptr::from_ref(r).addr())));
        if let Some(id) = id {
            if self.on_path.contains(&id) {
                return Err(Refused::Cycle);
            }
        }
        if let Some(&cost) = key.as_ref().and_then(|key| self.costs.get(key)) {
            return Ok(cost);
        }
        if self.on_path.len() >= MAX_FORM_DEPTH {
            return Err(Refused::TooDeep);
        }
        let content = form
            .get_plain_content_with_limit(self.bytes_left)
            .map_err(|_| Refused::OverBudget)?;
        self.bytes_left = self.bytes_left.saturating_sub(content.len());
        self.on_path.push(id.unwrap_or_default());
        let cost = self.content(&content, resources);
        self.on_path.pop();
        let cost = cost?;
        if let Some(key) = key {
            self.costs.insert(key, cost);
        }
        Ok(cost)
    }
}

#[cfg(test)]
mod tests;
