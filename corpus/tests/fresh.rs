//! The committed corpus equals a fresh build of the recipes.

#[test]
fn committed_corpus_is_fresh() {
    let stale = dcmlint_corpus::stale(&dcmlint_corpus::root());
    assert!(
        stale.is_empty(),
        "stale corpus files (run `cargo run -p dcmlint-corpus --bin build-corpus`): {stale:?}"
    );
}
