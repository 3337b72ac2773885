//! Text into the notice field reader (dates, amounts, grades…), in both languages: it must
//! never panic, whatever the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model::Lang;

fuzz_target!(|text: &str| {
    let en = meta::extract(text, Lang::En);
    let fr = meta::extract(text, Lang::Fr);
    let _ = meta::cross_check(&en, &fr);
});
