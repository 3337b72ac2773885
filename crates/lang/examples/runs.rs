//! Prints the language runs of a UTF-8 text file, with each line's evidence.

fn main() {
    let path = std::env::args().nth(1).expect("usage: runs FILE");
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let split = lang::split(&text);
    let lines: Vec<&str> = text.split('\n').collect();
    for run in &split.runs {
        println!(
            "== {} lines {}..{} ({} words)",
            run.lang, run.start, run.end, run.words
        );
        for line in &lines[run.start..run.end] {
            if !line.trim().is_empty() {
                let short: String = line.chars().take(70).collect();
                println!("{:+6.1} {short}", lang::line_evidence(line));
            }
        }
    }
}
