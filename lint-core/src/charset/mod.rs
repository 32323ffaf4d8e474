//! Character sets (filled in by the character-set work).
