//! Writes the corpus: `cargo run -p dcmlint-corpus --bin build-corpus`.

fn main() -> std::io::Result<()> {
    let root = dcmlint_corpus::root();
    dcmlint_corpus::write_all(&root)?;
    println!(
        "wrote {} files under {}",
        dcmlint_corpus::recipes().len(),
        root.display()
    );
    Ok(())
}
