//! Documents built in code for the tests of several modules: one page with a font whose
//! glyphs are all 500 wide and Form XObjects that may draw one another.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, dictionary};

use super::budget::Budget;
use crate::Limits;

/// A Form XObject: its name in the resources, extra dictionary entries, its content, and the
/// names of the forms it may draw (its own `/XObject` resources; itself included).
pub struct Form {
    pub name: String,
    pub dict: Dictionary,
    pub content: String,
    pub draws: Vec<String>,
}

impl Form {
    /// A form with no extra entries that draws the forms named in `draws`.
    pub fn new(name: &str, content: impl Into<String>, draws: &[&str]) -> Self {
        Form {
            name: name.to_owned(),
            dict: Dictionary::new(),
            content: content.into(),
            draws: draws.iter().map(|&d| d.to_owned()).collect(),
        }
    }

    /// The same form with an extra dictionary entry.
    pub fn with(mut self, key: &str, value: impl Into<Object>) -> Self {
        self.dict.set(key, value);
        self
    }
}

/// A one-page document (media box 0 0 600 800) with font /F1 and the forms, in a page tree
/// of one node; the page's own resources name every form. Returns the document and the page.
pub fn one_page(forms: &[Form], content: &str) -> (Document, ObjectId) {
    let mut doc = Document::with_version("1.5");
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "TrueType",
        "Encoding" => "WinAnsiEncoding",
        "FirstChar" => 32,
        "LastChar" => 126,
        "Widths" => vec![Object::Integer(500); 95],
    });
    let ids: Vec<ObjectId> = forms.iter().map(|_| doc.new_object_id()).collect();
    let id_of = |name: &str| {
        forms
            .iter()
            .position(|f| f.name == name)
            .map(|at| ids[at])
            .expect("a form of the document")
    };
    let mut all = Dictionary::new();
    for (form, &id) in forms.iter().zip(&ids) {
        let mut dict = form.dict.clone();
        dict.set("Type", "XObject");
        dict.set("Subtype", "Form");
        if !form.draws.is_empty() {
            let mut xobjects = Dictionary::new();
            for name in &form.draws {
                xobjects.set(name.as_str(), id_of(name));
            }
            dict.set(
                "Resources",
                dictionary! { "Font" => dictionary! { "F1" => font }, "XObject" => xobjects },
            );
        }
        doc.objects.insert(
            id,
            Object::Stream(Stream::new(dict, form.content.clone().into_bytes())),
        );
        all.set(form.name.as_str(), id);
    }
    let resources = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font },
        "XObject" => all,
    });
    let pages = doc.new_object_id();
    let content = doc.add_object(Stream::new(Dictionary::new(), content.as_bytes().to_vec()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages,
        "MediaBox" => vec![0.into(), 0.into(), 600.into(), 800.into()],
        "Resources" => resources,
        "Contents" => content,
    });
    doc.objects.insert(
        pages,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page.into()],
            "Count" => 1,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", catalog);
    (doc, page)
}

/// The document written to bytes.
pub fn bytes_of(mut doc: Document) -> Vec<u8> {
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("saves");
    bytes
}

/// The whole budget of the default limits.
pub fn default_budget() -> Budget {
    budget(&Limits::default())
}

/// The whole budget of `limits`, starting now.
pub fn budget(limits: &Limits) -> Budget {
    Budget::new(limits, std::time::Instant::now())
}

/// `count` forms `L0` … `L{count-1}`, each drawing the next `fan_out` times; the last
/// shows one glyph.
pub fn fanning_forms(count: usize, fan_out: usize) -> Vec<Form> {
    (0..count)
        .map(|level| {
            let name = format!("L{level}");
            if level + 1 < count {
                let next = format!("L{}", level + 1);
                Form::new(&name, format!("/{next} Do\n").repeat(fan_out), &[&next])
            } else {
                Form::new(&name, "BT /F1 10 Tf (x) Tj ET", &[])
            }
        })
        .collect()
}

/// Takes the widths out of every font, so that our drawer declines them (pdf-extract carries
/// the metrics of the standard fonts).
pub fn only_standard_fonts(doc: &mut Document) {
    for object in doc.objects.values_mut() {
        if let Object::Dictionary(dict) = object
            && dict.has(b"Widths")
        {
            dict.remove(b"Widths");
        }
    }
}
