//! Transfer syntaxes (PS3.5 §10, PS3.6 Table A-1).
