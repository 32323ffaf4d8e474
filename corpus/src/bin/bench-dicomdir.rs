//! Writes a large DICOMDIR for the record-walk benchmark (no image files):
//! `bench-dicomdir [FILE] [PATIENTS] [STUDIES] [SERIES] [IMAGES]` writes FILE (default
//! `bench/work/dicomdir-100k/DICOMDIR`) with PATIENTS × STUDIES × SERIES × IMAGES image
//! records (default 100 × 10 × 10 × 10 = 100,000) under their patient, study and series
//! records, with the offsets the corpus builder computes. With `--cycle` (anywhere), the
//! last image record's (0004,1400) points back at the first image of its series: a cycle
//! of next offsets at the very end of the walk.

use std::path::PathBuf;

use dcmlint_corpus::dicomdir::{self, Image, Patient, Series, Study};

fn main() -> std::io::Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let cycle = args.iter().any(|a| a == "--cycle");
    args.retain(|a| a != "--cycle");
    let file = PathBuf::from(
        args.first()
            .map_or("bench/work/dicomdir-100k/DICOMDIR", String::as_str),
    );
    let count = |i: usize| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(10usize);
    let (patients, studies, series, images) = (
        args.get(1).and_then(|a| a.parse().ok()).unwrap_or(100usize),
        count(2),
        count(3),
        count(4),
    );
    let root = "1.2.826.0.1.3680043.10.1234.8";
    let patients: Vec<Patient> = (0..patients)
        .map(|p| Patient {
            charset: Some(b"ISO_IR 100"),
            name: format!("Bench^Patient{p}").into_bytes(),
            // Patient IDs are &'static in the model; a one-shot tool may leak them.
            id: Box::leak(format!("BENCH{p:05}").into_boxed_str()),
            birth_date: "",
            sex: "O",
            studies: (0..studies)
                .map(|s| Study {
                    uid: format!("{root}.2.{p}.{s}"),
                    date: "20240131",
                    time: "093000",
                    description: b"CT BENCH".to_vec(),
                    id: "1",
                    accession: "A1",
                    series: (0..series)
                        .map(|r| Series {
                            modality: "CT",
                            uid: format!("{root}.3.{p}.{s}.{r}"),
                            number: r as u32 + 1,
                            images: (0..images)
                                .map(|i| {
                                    Image::ct(
                                        vec![
                                            "DICOM".into(),
                                            format!("P{p:07}"),
                                            format!("ST{s:06}"),
                                            format!("SE{r:06}"),
                                            format!("IM{i:06}"),
                                        ],
                                        format!("{root}.4.{p}.{s}.{r}.{i}"),
                                        i as u32 + 1,
                                    )
                                })
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let records: usize = patients
        .iter()
        .map(|p| {
            1 + p
                .studies
                .iter()
                .map(|s| 1 + s.series.iter().map(|r| 1 + r.images.len()).sum::<usize>())
                .sum::<usize>()
        })
        .sum();
    let mut bytes = dicomdir::dicomdir("BENCH", &format!("{root}.5"), &patients);
    if cycle && images > 0 {
        let mut slots = vec![lint_core::dicomdir::RecordSlot::EMPTY; records];
        let index = lint_core::dicomdir::RecordIndex::read(&bytes, &mut slots);
        let first_of_series = index.records()[records - images].offset() as u32;
        dicomdir::edit::set_ul(
            &mut bytes,
            lint_core::tag::tags::OFFSET_OF_THE_NEXT_DIRECTORY_RECORD,
            records - 1,
            first_of_series,
        );
    }
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&file, &bytes)?;
    println!(
        "wrote {} ({} bytes, {records} records)",
        file.display(),
        bytes.len()
    );
    Ok(())
}
