//! `extract` on small notices of our own, each mimicking one publisher's layout: a
//! government job board (unlabelled header lines, labels above their values), an EU agency
//! (label tables whose labels wrap), the UN common system (colon labels, grades such as
//! "P-4"), a French notice, and documents that are no notices at all.

use model::{Block, BlockKind, Heading, Lang, Metadata};

fn extract(text: &str) -> Metadata {
    meta::extract(text, &[], Lang::En)
}

/// A job board page as its reader gives it: a level-1 heading, labels above values.
const JOB_BOARD: &str = "\
Data Analyst

Ministry of Examples

Closing date:

3 March 2026 - 23:59, Pacific Time

Apply

Reference number
MEX26J-000123-000042

Selection process number
26-MEX-EA-0042

Location
Kingston (Ontario)

Salary
$70,100 to $79,900

Level
EC-03

Who can apply

Persons residing in Canada and Canadian citizens residing abroad.

Conditions of employment

Reliability Status security clearance";

#[test]
fn job_board_with_labels_above_values() {
    let blocks = [Block {
        kind: BlockKind::Heading(Heading {
            level: 1,
            number: None,
            numbering: None,
            title: "Data Analyst".to_owned(),
            confidence: 1.0,
        }),
        line: 0,
        lines: 1,
        page: None,
    }];
    let found = meta::extract(JOB_BOARD, &blocks, Lang::En);
    assert_eq!(found.title.as_deref(), Some("Data Analyst"));
    assert_eq!(found.organisation.as_deref(), Some("Ministry of Examples"));
    assert_eq!(found.reference.as_deref(), Some("MEX26J-000123-000042"));
    assert_eq!(found.location.as_deref(), Some("Kingston (Ontario)"));
    assert_eq!(found.grade.as_deref(), Some("EC-03"));
    assert_eq!(found.deadline.as_deref(), Some("2026-03-03"));
    assert_eq!(found.deadline_time.as_deref(), Some("23:59"));
    assert_eq!(found.clearance.as_deref(), Some("Reliability Status"));
    let salary = found.salary.expect("a salary");
    assert_eq!((salary.amount, salary.max), (70100.0, Some(79900.0)));
    assert_eq!(salary.currency.as_deref(), Some("CAD"), "Canadian evidence");
    assert_eq!(salary.period, None, "no period stated");
    assert_eq!(found.contract_type, None);
    assert_eq!(found.schedule, None);
    let labels: Vec<&str> = found.fields.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Closing date",
            "Reference number",
            "Selection process number",
            "Location",
            "Salary",
            "Level",
            "Who can apply"
        ]
    );
}

#[test]
fn job_board_with_an_unlabelled_header() {
    let text = "\
Benefits Officer
Reference number: ABC25J-000777-000001
Selection process number: 25-ABC-EA-777
Department of Examples
- Client Services Branch
Moncton (New Brunswick),
Halifax (Nova Scotia)
PM-02
Term, Indeterminate
$33.08 to $35.98 per hour

Closing date:
9 November 2025 - 23:59, Pacific Time

We are looking for people who enjoy helping others; candidates apply online.";
    let found = extract(text);
    assert_eq!(found.title.as_deref(), Some("Benefits Officer"));
    assert_eq!(
        found.organisation.as_deref(),
        Some("Department of Examples - Client Services Branch")
    );
    assert_eq!(found.location.as_deref(), Some("Moncton (New Brunswick)"));
    assert_eq!(found.other_locations, ["Halifax (Nova Scotia)"]);
    assert_eq!(found.grade.as_deref(), Some("PM-02"));
    assert_eq!(found.contract_type.as_deref(), Some("Term, Indeterminate"));
    let salary = found.salary.expect("a salary");
    assert_eq!((salary.amount, salary.max), (33.08, Some(35.98)));
    assert_eq!(salary.period.as_deref(), Some("hourly"));
    assert_eq!(found.deadline.as_deref(), Some("2025-11-09"));
}

/// An EU agency's label table, as PDF text: labels and values on one line, a label wrapping.
#[test]
fn agency_label_table_with_a_wrapped_label() {
    let text = "\
Vacancy Notice
The European Examples Agency (EEA) is launching this call for expressions of interest to
establish a reserve list for the following profile:
Reference number EEA/TA/2026/07
Job Title Project Officer – Data Quality
Function Group/Grade Temporary Agent, AD 6 (see the Guide for Applicants for more
information)
Location Lisbon, Portugal
Publication Date 2 February 2026
Deadline for
Applications 4 March 2026, at noon, 12:00 Lisbon time
1. Who we are
Successful applicants are offered a contract with a monthly gross salary starting from
6 500,10 EUR, subject to an annual review of remuneration.";
    let found = extract(text);
    assert_eq!(
        found.title.as_deref(),
        Some("Project Officer – Data Quality")
    );
    assert_eq!(found.reference.as_deref(), Some("EEA/TA/2026/07"));
    assert_eq!(
        found.grade.as_deref(),
        Some("AD 6"),
        "as the notice spells it"
    );
    assert_eq!(found.contract_type.as_deref(), Some("Temporary Agent"));
    assert_eq!(found.location.as_deref(), Some("Lisbon, Portugal"));
    assert_eq!(
        found.deadline.as_deref(),
        Some("2026-03-04"),
        "not the publication date"
    );
    assert_eq!(found.deadline_time.as_deref(), Some("12:00"));
    assert_eq!(
        found.organisation.as_deref(),
        Some("European Examples Agency (EEA)")
    );
    let salary = found.salary.expect("a salary");
    assert_eq!(salary.amount, 6500.10);
    assert_eq!(
        salary.period.as_deref(),
        Some("monthly"),
        "not the annual review"
    );
    assert_eq!(salary.currency.as_deref(), Some("EUR"));
    let labels: Vec<&str> = found.fields.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Reference number",
            "Job Title",
            "Function Group/Grade",
            "Location",
            "Publication Date",
            "Deadline for Applications"
        ]
    );
}

/// A UN-style notice: colon labels, a "P-4" grade, a dollar without a country.
#[test]
fn common_system_colon_labels() {
    let text = "\
Programme Officer, P-4
Posting Title: Programme Officer, P-4
Job Code Title: Programme Management Officer
Department/Office: Office of Examples
Duty Station: NAIROBI
Job Opening Number: 26-Programme-OEX-123456-R-Nairobi (X)
Staffing Exercise: N/A
Deadline: 10 April 2026
Level: P-4
Type of appointment: Fixed-term

Responsibilities
The incumbent leads the programme. Candidates apply online. The salary is $8,000 per month.";
    let found = extract(text);
    assert_eq!(found.title.as_deref(), Some("Programme Officer, P-4"));
    assert_eq!(found.location.as_deref(), Some("NAIROBI"));
    assert_eq!(
        found.reference.as_deref(),
        Some("26-Programme-OEX-123456-R-Nairobi")
    );
    assert_eq!(found.grade.as_deref(), Some("P-4"));
    assert_eq!(found.deadline.as_deref(), Some("2026-04-10"));
    assert_eq!(found.contract_type.as_deref(), Some("Fixed-term"));
    assert_eq!(found.organisation, None, "a department is no employer");
    let salary = found.salary.expect("a salary");
    assert_eq!(salary.currency, None, "which dollar is not said");
    assert_eq!(salary.period.as_deref(), Some("monthly"));
}

/// Header lines are read as pairs only: a field they leave unstated is not taken from the
/// next line's date, and a posting period closes on its last day.
#[test]
fn a_header_line_without_a_value_states_nothing() {
    let text = "\
Vacancy Number: VNEX01234
Vacancy Title: Senior Programme Officer
Duty Station: Vienna
Issued by: Example Secretariat
Date of Entry on Duty: As soon as possible
Number of posts: 1
Grade: P4
Posting period: 10 March 2026 - 10 April 2026 23:59 Central European Time
Type of Appointment: Seconded";
    let found = extract(text);
    assert_eq!(found.start_date, None);
    assert_eq!(found.deadline.as_deref(), Some("2026-04-10"));
    assert_eq!(found.deadline_time.as_deref(), Some("23:59"));
    assert_eq!(found.title.as_deref(), Some("Senior Programme Officer"));
    assert_eq!(found.organisation.as_deref(), Some("Example Secretariat"));
    assert_eq!(found.contract_type.as_deref(), Some("Seconded"));
    assert_eq!(found.grade.as_deref(), Some("P4"));
    assert_eq!(found.fields.len(), 9);
}

/// A notice that opens with its reference, then its title standing alone.
#[test]
fn the_title_below_an_opening_reference() {
    let text = "\
COUNCIL OF EXAMPLES

Vacancy notice n° e12/2026

Administrator (A2/A3) – Human Rights Education

Directorate General of Democracy
Deadline for applications: 15 April 2026 (midnight, French time)
Location: Strasbourg
Grade: A2

Applicants must hold a degree; candidates apply online.";
    let found = extract(text);
    assert_eq!(
        found.title.as_deref(),
        Some("Administrator (A2/A3) – Human Rights Education")
    );
    assert_eq!(found.reference.as_deref(), Some("e12/2026"));
    assert_eq!(found.deadline.as_deref(), Some("2026-04-15"));
    assert_eq!(found.grade.as_deref(), Some("A2"));
    assert_eq!(found.location.as_deref(), Some("Strasbourg"));
}

#[test]
fn french_notice_with_colon_labels() {
    let text = "\
Expert national - Statistiques
Grade : NOB
No. du poste : DC/EXEMPLE/NO/2026/02
Date de publication : 1 septembre 2026
Date de clôture (minuit, heure locale) : 30 septembre 2026
Lieu d'affectation : Dakar
Type de contrat : Durée déterminée
Durée du contrat : 12 mois

Le BIT invite les personnes intéressées à soumettre leur candidature en ligne.";
    let found = meta::extract(text, &[], Lang::Fr);
    assert_eq!(
        found.title.as_deref(),
        Some("Expert national - Statistiques")
    );
    assert_eq!(found.grade.as_deref(), Some("NOB"));
    assert_eq!(found.reference.as_deref(), Some("DC/EXEMPLE/NO/2026/02"));
    assert_eq!(found.deadline.as_deref(), Some("2026-09-30"));
    assert_eq!(
        found.deadline_time, None,
        "midnight is not written as a time"
    );
    assert_eq!(found.location.as_deref(), Some("Dakar"));
    assert_eq!(found.contract_type.as_deref(), Some("Durée déterminée"));
    assert_eq!(found.fields.len(), 7);
}

#[test]
fn documents_that_are_no_notices_get_no_fields() {
    let release = "\
Women in Examples: A Statistical Report
Released: 2026-03-08
Today, the statistics office releases a new chapter on the participation of women in the
labour force. Location of the data: Statistical Report, Table 3.
The chapter examines job vacancies and employment by region, grade of schooling and income.
Reference period: 2024. Salary data in EUR 45,000 per year are shown for comparison.
The deadline for the 2026 work programme is 15 June 2026; recruitment of survey staff ends.";
    assert_eq!(extract(release), Metadata::default());
    let readme = "\
# Pipeline Incident Visualization
## About
This interactive online tool is part of the data visualization initiative.
## Installing and Running
- Download a local copy: `git clone git@example.org:viz.git`
- Install dependencies: `npm install`
- Visit the application in your browser.";
    assert_eq!(extract(readme), Metadata::default());
}
