//! The rule language: its syntax (the only module that sees pest), the
//! lowering of a parse tree into the typed model, the model itself, the
//! lints over a convention and the formatter.

pub mod cite;
pub mod fix;
pub mod format;
pub mod keywords;
pub mod lints;
pub mod lower;
pub mod model;
pub mod syntax;
pub mod view;
