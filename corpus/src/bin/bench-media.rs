//! Writes a benchmark media set: `bench-media DIR [FILES] [SIZE]` writes FILES (default
//! 2000) CT images of SIZE×SIZE (default 512) 16-bit pixels under DIR/DICOM/… and a
//! DICOMDIR, 25 images per series, 4 series per study, 1 study per patient.

use dcmlint_corpus::dicomdir::{self, Image, Patient, Series, Study};

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = std::path::PathBuf::from(args.first().map_or("bench/work/media", String::as_str));
    let files: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(2000);
    let size: u16 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(512);
    let root = "1.2.826.0.1.3680043.10.1234.9";
    let per_patient = 100;
    let mut patients = Vec::new();
    for p in 0..files.div_ceil(per_patient) {
        let series = (0..4)
            .map(|r| Series {
                modality: "CT",
                uid: format!("{root}.3.{p}.{r}"),
                number: r as u32 + 1,
                images: (0..25)
                    .map(|i| p * per_patient + r * 25 + i)
                    .filter(|&n| n < files)
                    .map(|n| {
                        Image::ct(
                            vec![
                                "DICOM".into(),
                                format!("P{p:07}"),
                                "ST000001".into(),
                                format!("SE{r:06}"),
                                format!("IM{n:06}"),
                            ],
                            format!("{root}.4.{n}"),
                            n as u32 + 1,
                        )
                    })
                    .collect(),
            })
            .filter(|s: &Series| !s.images.is_empty())
            .collect();
        patients.push(Patient {
            charset: Some(b"ISO_IR 100"),
            name: format!("Bench^Patient{p}").into_bytes(),
            id: Box::leak(format!("BENCH{p:04}").into_boxed_str()),
            birth_date: "",
            sex: "O",
            studies: vec![Study {
                uid: format!("{root}.2.{p}"),
                date: "20240131",
                time: "093000",
                description: b"CT BENCH".to_vec(),
                id: "1",
                accession: "A1",
                series,
            }],
        });
    }
    for patient in &patients {
        for study in &patient.studies {
            for series in &study.series {
                for image in &series.images {
                    let path = dir.join(image.file_id.join("/"));
                    std::fs::create_dir_all(path.parent().unwrap_or(&dir))?;
                    std::fs::write(
                        path,
                        dicomdir::image_file_sized(patient, study, series, image, size),
                    )?;
                }
            }
        }
    }
    std::fs::write(
        dir.join("DICOMDIR"),
        dicomdir::dicomdir("BENCH", &format!("{root}.5"), &patients),
    )?;
    println!(
        "wrote {files} files of {size}x{size} under {}",
        dir.display()
    );
    Ok(())
}
