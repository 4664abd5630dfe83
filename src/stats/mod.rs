//! Experiment-design maths and randomised assignment for labkit: normal
//! distribution functions, sample size / minimum detectable effect / duration
//! calculations, and reproducible stratified (cluster) randomisation of CSV rows.

pub mod analyse;
pub mod assign;
pub mod csvscan;
pub mod error;
pub mod interner;
pub mod normal;
pub mod power;
pub mod tdist;

#[cfg(test)]
mod golden_tests;
