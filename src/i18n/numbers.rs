//! Number formatting. ja, en, zh-Hans and ko all group digits by three with a comma and use a point for
//! decimals, so one formatter serves every enabled language.

/// `13988129` → `13,988,129`.
pub fn format_integer(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `2194.05` with 2 decimals → `2,194.05`. Negative and non-finite values are written plainly.
pub fn format_decimal(x: f64, decimals: usize) -> String {
    if !x.is_finite() || x < 0.0 {
        return format!("{x:.decimals$}");
    }
    let s = format!("{x:.decimals$}");
    match s.split_once('.') {
        Some((int, frac)) => format!("{}.{frac}", format_integer(int.parse().unwrap_or(0))),
        None => format_integer(s.parse().unwrap_or(0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_by_three() {
        assert_eq!(format_integer(0), "0");
        assert_eq!(format_integer(999), "999");
        assert_eq!(format_integer(1000), "1,000");
        assert_eq!(format_integer(13988129), "13,988,129");
        assert_eq!(format_integer(193000000), "193,000,000");
        assert_eq!(format_decimal(2194.05, 2), "2,194.05");
        assert_eq!(format_decimal(11.66, 2), "11.66");
        assert_eq!(format_decimal(106.88, 1), "106.9");
    }
}
