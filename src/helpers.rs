//! The handlebars helpers labkit offers to method conditions, defaults, computed values and
//! report templates, registered in one place.
//!
//! `NAMES` is the single list the method validator consults, so a method that calls a helper
//! labkit does not have is caught by `labkit validate`, not in front of a room.

use handlebars::{
    Context, Handlebars, Helper, HelperResult, Output, RenderContext, RenderErrorReason,
};

use crate::stats::power::{self, Design};

/// Helpers that handlebars itself provides.
pub const BUILTIN: &[&str] = &[
    "if", "unless", "each", "with", "lookup", "raw", "log", "eq", "ne", "gt", "gte", "lt", "lte",
    "and", "or", "not", "len",
];

/// Helpers labkit adds.
pub const LABKIT: &[&str] = &["sample_size_proportions", "sample_size_means"];

pub fn is_known(name: &str) -> bool {
    BUILTIN.contains(&name) || LABKIT.contains(&name)
}

/// A strict registry with every helper, for conditions, defaults and computed values.
pub fn registry() -> Handlebars<'static> {
    let mut registry = Handlebars::new();
    registry.set_strict_mode(true);
    registry.register_helper("sample_size_proportions", Box::new(sample_size_proportions));
    registry.register_helper("sample_size_means", Box::new(sample_size_means));
    registry
}

fn number(h: &Helper, index: usize, default: Option<f64>) -> Result<f64, RenderErrorReason> {
    match h.param(index).map(|p| p.value()) {
        Some(v) => v
            .as_f64()
            .or_else(|| {
                v.as_str()
                    .and_then(|s| s.trim().replace(',', ".").parse().ok())
            })
            .ok_or_else(|| {
                RenderErrorReason::Other(format!(
                    "`{}` expects a number as argument {}, got {v}",
                    h.name(),
                    index + 1
                ))
            }),
        None => default.ok_or(RenderErrorReason::ParamNotFoundForIndex(
            "sample size",
            index,
        )),
    }
}

/// `{{sample_size_proportions baseline target [alpha] [power]}}`: people per arm (two-sided,
/// equal allocation), the same maths as `labkit calc sample-size --baseline --target`.
fn sample_size_proportions(
    h: &Helper,
    _: &Handlebars,
    _: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let (p1, p2) = (number(h, 0, None)?, number(h, 1, None)?);
    let (alpha, pw) = (number(h, 2, Some(0.05))?, number(h, 3, Some(0.8))?);
    let result = power::sample_size_proportions(p1, p2, alpha, pw, 1.0, &Design::default())
        .map_err(|e| RenderErrorReason::Other(e.to_string()))?;
    out.write(&result.n_per_arm.to_string())?;
    Ok(())
}

/// `{{sample_size_means sd delta [alpha] [power]}}`: people per arm for a difference in means.
fn sample_size_means(
    h: &Helper,
    _: &Handlebars,
    _: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let (sd, delta) = (number(h, 0, None)?, number(h, 1, None)?);
    let (alpha, pw) = (number(h, 2, Some(0.05))?, number(h, 3, Some(0.8))?);
    let result = power::sample_size_means(sd, delta, alpha, pw, 1.0, &Design::default())
        .map_err(|e| RenderErrorReason::Other(e.to_string()))?;
    out.write(&result.n_per_arm.to_string())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_size_helpers_match_calc() {
        let hb = registry();
        let data = serde_json::json!({ "baseline": 0.5, "target": "0.75" });
        let n = hb
            .render_template(
                "{{sample_size_proportions baseline target 0.05 0.9}}",
                &data,
            )
            .unwrap();
        assert_eq!(n, "77");
        let n = hb
            .render_template("{{sample_size_means 1 0.5}}", &data)
            .unwrap();
        assert_eq!(n, "64");
        assert!(
            hb.render_template("{{sample_size_proportions baseline baseline}}", &data)
                .is_err()
        );
    }
}
