//! Data dictionary (filled in by the dictionary generator).
