//! Standard normal distribution: the cumulative distribution function
//! ([`pnorm`], [`pnorm_upper`]) and its inverse ([`qnorm`]). Everything else in
//! the stats module gets its z-values from here, so both are implemented with
//! published double-precision algorithms rather than quick approximations:
//! W. J. Cody's rational Chebyshev approximations (ACM TOMS Algorithm 715,
//! routine ANORM) for the CDF, and M. J. Wichura's Algorithm AS 241 (PPND16,
//! Applied Statistics 37(3), 1988) for the quantile.

const SQRT_32: f64 = 5.656_854_249_492_381;
const FRAC_1_SQRT_2PI: f64 = 0.398_942_280_401_432_7;

// Cody's coefficients, copied from the published algorithm to full precision.
const A: [f64; 5] = [
    2.235_252_035_460_684,
    161.028_231_068_555_88,
    1_067.689_485_460_371,
    18_154.981_253_343_56,
    0.065_682_337_918_207_45,
];
const B: [f64; 4] = [
    47.202_581_904_688_24,
    976.098_551_737_776_7,
    10_260.932_208_618_978,
    45_507.789_335_026_73,
];
const C: [f64; 9] = [
    0.398_941_512_088_134_66,
    8.883_149_794_388_377,
    93.506_656_132_177_86,
    597.270_276_394_800_3,
    2_494.537_585_290_372_6,
    6_848.190_450_536_283,
    11_602.651_437_647_35,
    9_842.714_838_383_978,
    1.076_557_677_372_019_2e-8,
];
const D: [f64; 8] = [
    22.266_688_044_328_117,
    235.387_901_782_625,
    1_519.377_599_407_554_8,
    6_485.558_298_266_761,
    18_615.571_640_885_097,
    34_900.952_721_145_98,
    38_912.003_286_093_27,
    19_685.429_676_859_992,
];
const P: [f64; 6] = [
    0.215_898_534_057_957,
    0.127_401_161_160_247_36,
    0.022_235_277_870_649_807,
    0.001_421_619_193_227_893_5,
    2.911_287_495_116_879_2e-5,
    0.023_073_441_764_940_174,
];
const Q: [f64; 5] = [
    1.284_260_096_144_911,
    0.468_238_212_480_865_1,
    0.065_988_137_868_928_55,
    0.003_782_396_332_027_582_4,
    7.297_515_550_839_662e-5,
];

/// Returns `(P(Z <= x), P(Z > x))`, each computed directly so that the small
/// tail keeps full relative precision instead of suffering `1 - p` cancellation.
fn cdf_both(x: f64) -> (f64, f64) {
    if x.is_nan() {
        return (f64::NAN, f64::NAN);
    }
    let y = x.abs();
    if y <= 0.66291 {
        let xsq = if y > f64::EPSILON * 0.5 { x * x } else { 0.0 };
        let mut num = A[4] * xsq;
        let mut den = xsq;
        for i in 0..3 {
            num = (num + A[i]) * xsq;
            den = (den + B[i]) * xsq;
        }
        let t = x * (num + A[3]) / (den + B[3]);
        return (0.5 + t, 0.5 - t);
    }
    // `small` is the tail probability P(Z > |x|).
    let small = if y <= SQRT_32 {
        let mut num = C[8] * y;
        let mut den = y;
        for i in 0..7 {
            num = (num + C[i]) * y;
            den = (den + D[i]) * y;
        }
        gauss_factor(y) * (num + C[7]) / (den + D[7])
    } else if y < 50.0 {
        let xsq = 1.0 / (y * y);
        let mut num = P[5] * xsq;
        let mut den = xsq;
        for i in 0..4 {
            num = (num + P[i]) * xsq;
            den = (den + Q[i]) * xsq;
        }
        let r = xsq * (num + P[4]) / (den + Q[4]);
        gauss_factor(y) * (FRAC_1_SQRT_2PI - r) / y
    } else {
        0.0
    };
    if x > 0.0 {
        (1.0 - small, small)
    } else {
        (small, 1.0 - small)
    }
}

/// `exp(-y²/2)`, split as Cody does so that the rounding error of `y*y` for
/// large `y` does not get amplified by the exponential.
fn gauss_factor(y: f64) -> f64 {
    let ysq = (y * 16.0).trunc() / 16.0;
    let del = (y - ysq) * (y + ysq);
    (-ysq * ysq * 0.5).exp() * (-del * 0.5).exp()
}

/// Standard normal cumulative distribution function, P(Z ≤ x).
pub fn pnorm(x: f64) -> f64 {
    cdf_both(x).0
}

/// Upper tail of the standard normal, P(Z > x), accurate in the far tail.
pub fn pnorm_upper(x: f64) -> f64 {
    cdf_both(x).1
}

/// Standard normal density.
pub fn dnorm(x: f64) -> f64 {
    FRAC_1_SQRT_2PI * (-0.5 * x * x).exp()
}

// AS 241 (PPND16) coefficients.
const QA: [f64; 8] = [
    3.387_132_872_796_366_6,
    133.141_667_891_784_38,
    1_971.590_950_306_551_3,
    13_731.693_765_509_46,
    45_921.953_931_549_87,
    67_265.770_927_008_7,
    33_430.575_583_588_13,
    2_509.080_928_730_122_7,
];
const QB: [f64; 8] = [
    1.0,
    42.313_330_701_600_91,
    687.187_007_492_057_9,
    5_394.196_021_424_751,
    21_213.794_301_586_597,
    39_307.895_800_092_71,
    28_729.085_735_721_943,
    5_226.495_278_852_855,
];
const QC: [f64; 8] = [
    1.423_437_110_749_683_6,
    4.630_337_846_156_545,
    5.769_497_221_460_691,
    3.647_848_324_763_204_5,
    1.270_458_252_452_368_4,
    0.241_780_725_177_450_6,
    0.022_723_844_989_269_184,
    7.745_450_142_783_414e-4,
];
const QD: [f64; 8] = [
    1.0,
    2.053_191_626_637_759,
    1.676_384_830_183_803_8,
    0.689_767_334_985_1,
    0.148_103_976_427_480_08,
    0.015_198_666_563_616_457,
    5.475_938_084_995_345e-4,
    1.050_750_071_644_416_8e-9,
];
const QE: [f64; 8] = [
    6.657_904_643_501_103,
    5.463_784_911_164_114,
    1.784_826_539_917_291_3,
    0.296_560_571_828_504_9,
    0.026_532_189_526_576_124,
    0.001_242_660_947_388_078_4,
    2.711_555_568_743_487_6e-5,
    2.010_334_399_292_288e-7,
];
const QF: [f64; 8] = [
    1.0,
    0.599_832_206_555_888,
    0.136_929_880_922_735_8,
    0.014_875_361_290_850_615,
    7.868_691_311_456_133e-4,
    1.846_318_317_510_054_8e-5,
    1.421_511_758_316_446e-7,
    2.044_263_103_389_939_7e-15,
];

/// Evaluates a polynomial with coefficients in increasing degree (Horner).
fn horner(c: &[f64; 8], x: f64) -> f64 {
    c.iter().rev().fold(0.0, |acc, &k| acc * x + k)
}

/// Standard normal quantile (inverse CDF), Wichura's AS 241.
///
/// Returns `-inf` for `p == 0`, `+inf` for `p == 1` and NaN outside `[0, 1]`;
/// callers validate probabilities before they get here.
pub fn qnorm(p: f64) -> f64 {
    if p.is_nan() || !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    if p == 0.0 {
        return f64::NEG_INFINITY;
    }
    if p == 1.0 {
        return f64::INFINITY;
    }
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180_625 - q * q;
        return q * horner(&QA, r) / horner(&QB, r);
    }
    let tail = if q < 0.0 { p } else { 1.0 - p };
    let r = (-tail.ln()).sqrt();
    let value = if r <= 5.0 {
        let r = r - 1.6;
        horner(&QC, r) / horner(&QD, r)
    } else {
        let r = r - 5.0;
        horner(&QE, r) / horner(&QF, r)
    };
    if q < 0.0 { -value } else { value }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn close(got: f64, want: f64, rel: f64) -> bool {
        (got - want).abs() <= rel * want.abs().max(1e-300)
    }

    #[test]
    fn quantile_known_values() {
        // Reference values computed with mpmath at 40 significant digits.
        let cases = [
            (0.975, 1.959_963_984_540_054),
            (0.8, 0.841_621_233_572_914_3),
            (0.9, 1.281_551_565_544_600_4),
            (0.95, 1.644_853_626_951_472_7),
            (0.995, 2.575_829_303_548_900_6),
            (1e-10, -6.361_340_902_404_056),
            (0.025, -1.959_963_984_540_054),
            (0.01, -2.326_347_874_040_841),
        ];
        for (p, want) in cases {
            let got = qnorm(p);
            assert!(close(got, want, 1e-14), "qnorm({p}) = {got}, want {want}");
        }
        assert_eq!(qnorm(0.5), 0.0);
        assert_eq!(qnorm(0.0), f64::NEG_INFINITY);
        assert_eq!(qnorm(1.0), f64::INFINITY);
        assert!(qnorm(1.5).is_nan());
        assert!(qnorm(f64::NAN).is_nan());
    }

    #[test]
    fn cdf_known_values() {
        // Reference values computed with mpmath at 40 significant digits.
        let cases = [
            (1.96, 0.975_002_104_851_779_5),
            (0.0, 0.5),
            (-1.0, 0.158_655_253_931_457_05),
            (3.0, 0.998_650_101_968_369_9),
            (0.5, 0.691_462_461_274_013_1),
            (-10.0, 7.619_853_024_160_527e-24),
            (-6.0, 9.865_876_450_376_98e-10),
        ];
        for (x, want) in cases {
            let got = pnorm(x);
            assert!(close(got, want, 1e-14), "pnorm({x}) = {got}, want {want}");
        }
        assert!(close(pnorm_upper(8.0), 6.220_960_574_271_785e-16, 1e-13));
        assert_eq!(pnorm(60.0), 1.0);
        assert_eq!(pnorm(-60.0), 0.0);
    }

    #[test]
    fn quantile_inverts_cdf() {
        let mut p = 1e-15;
        while p < 1.0 {
            let back = pnorm(qnorm(p));
            assert!(close(back, p, 1e-13), "p = {p}: pnorm(qnorm(p)) = {back}");
            p *= 1.37;
        }
        for i in 1..1000 {
            let p = f64::from(i) / 1000.0;
            let back = pnorm(qnorm(p));
            assert!((back - p).abs() < 1e-15, "p = {p}: {back}");
        }
    }

    #[test]
    fn symmetry_and_density() {
        for i in -80..=80 {
            let x = f64::from(i) / 10.0;
            let s = pnorm(x) + pnorm(-x);
            assert!((s - 1.0).abs() < 1e-15, "x = {x}");
        }
        assert!(close(dnorm(0.0), 0.398_942_280_401_432_7, 1e-15));
    }
}
