//! A corpus of one-language files of our own making, for the tests of the join: pairs named
//! in each convention, a pair whose names say nothing, two notices of one template for
//! different posts, and an English file without its French.

use std::fs;
use std::path::Path;

/// English and French files of one notice, named in each convention bitextract reads.
pub const NAMED_PAIRS: &[(&str, &str)] = &[
    ("x_en.txt", "x_fr.txt"),
    ("reports/dq170529a-eng.txt", "reports/dq170529a-fra.txt"),
    ("EN-memo.txt", "FR-memo.txt"),
    ("notice_e.txt", "notice_f.txt"),
    ("plan_Anglais.txt", "plan_Francais.txt"),
    ("English/brief.txt", "French/brief.txt"),
    (
        "content/en/careers/policy-analyst--5f3a91c2-77ab.txt",
        "content/fr/careers/analyste-des-politiques--5f3a91c2-77ab.txt",
    ),
];
/// A pair whose names say nothing: joined by content.
pub const UNNAMED_PAIR: (&str, &str) = ("bulletin-spring.txt", "printemps.txt");
/// Notices of one template for different posts, English and French: never joined.
pub const OTHER_POSTS: (&str, &str) = ("posting-a.txt", "affichage-b.txt");
/// An English notice without its French.
pub const ALONE: &str = "lonely_en.txt";

/// Writes the corpus under `root`: every notice a different post (its own numbers), in one
/// template.
pub fn write(root: &Path) {
    let mut seed = 0;
    let put = |path: &str, text: String| {
        let path = root.join(path);
        fs::create_dir_all(path.parent().expect("a parent")).expect("a folder");
        fs::write(path, text).expect("written");
    };
    for &(en, fr) in NAMED_PAIRS.iter().chain([&UNNAMED_PAIR]) {
        seed += 1;
        put(en, notice(Lang::English, seed));
        put(fr, notice(Lang::French, seed));
    }
    put(OTHER_POSTS.0, notice(Lang::English, 50));
    put(OTHER_POSTS.1, notice(Lang::French, 51));
    put(ALONE, notice(Lang::English, 60));
}

enum Lang {
    English,
    French,
}

/// A vacancy notice of the template, its numbers drawn from `seed`.
fn notice(lang: Lang, seed: u32) -> String {
    let reference = 240_100 + seed * 37;
    let day = 1 + seed % 27;
    let salary = 60_000 + seed * 1_234;
    let offices = 10 + seed;
    let reports = 200 + seed * 3;
    let tables = 30 + seed * 2;
    let households = 5_000 + seed * 111;
    let years = 2 + seed % 5;
    let english = |n: u32| format!("{},{:03}", n / 1000, n % 1000);
    let french = |n: u32| format!("{} {:03}", n / 1000, n % 1000);
    match lang {
        Lang::English => format!(
            "Policy Analyst - {reference}\n\n\
             Location: Ottawa, Ontario\nClosing date: {day} March 2026\nSalary: ${} per year\n\n\
             1. ABOUT THE TEAM\n\n\
             The Analysis Branch of the Northern Statistics Agency supports {offices} regional offices and publishes {reports} reports every year. \
             Our team works closely with the provinces and territories to improve the quality of public data.\n\n\
             2. DUTIES\n\n\
             The analyst prepares {tables} statistical tables each month, reviews the survey of {} households and briefs senior management on the results. \
             The analyst also answers questions from the public and from journalists.\n\n\
             3. QUALIFICATIONS\n\n\
             A university degree in statistics, economics or a related field, and at least {years} years of experience in data analysis. \
             Write to careers@nsa.example.org for more information about the position.\n",
            english(salary),
            english(households),
        ),
        Lang::French => format!(
            "Analyste des politiques - {reference}\n\n\
             Lieu : Ottawa (Ontario)\nDate de clôture : {day} mars 2026\nSalaire : {} $ par année\n\n\
             1. À PROPOS DE L'ÉQUIPE\n\n\
             La Direction de l'analyse de l'Agence de la statistique du Nord appuie {offices} bureaux régionaux et publie {reports} rapports chaque année. \
             Notre équipe travaille en étroite collaboration avec les provinces et les territoires afin d'améliorer la qualité des données publiques.\n\n\
             2. FONCTIONS\n\n\
             L'analyste prépare {tables} tableaux statistiques chaque mois, examine l'enquête menée auprès de {} ménages et informe la haute direction des résultats. \
             L'analyste répond aussi aux questions du public et des journalistes.\n\n\
             3. QUALIFICATIONS\n\n\
             Un diplôme universitaire en statistique, en économie ou dans un domaine connexe, et au moins {years} années d'expérience en analyse de données. \
             Écrivez à careers@nsa.example.org pour en savoir plus sur le poste.\n",
            french(salary),
            french(households),
        ),
    }
}
