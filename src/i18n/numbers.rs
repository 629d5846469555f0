//! Number formatting. ja, en, zh-Hans and ko all group digits by three with a comma and use a point for
//! decimals, so one formatter serves every enabled language.

/// `13988129` → `13,988,129`.
pub fn format_integer(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
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

/// An amount of yen written the way each language prints large sums, before the currency word:
/// ja/zh-Hans/ko group by 万 (10⁴) and 億 (10⁸) as the FY2013 press release does (`1億9,300万`,
/// `1亿9300万`, `1억 9,300만`); en uses millions (`193 million`). Returns `None` below 10 000, where the
/// plain grouped number reads best.
pub fn format_yen_large(lang: super::Lang, yen: u64) -> Option<String> {
    use super::Lang;
    if yen < 10_000 {
        return None;
    }
    let (oku, man, rest) = (yen / 100_000_000, (yen / 10_000) % 10_000, yen % 10_000);
    if lang == Lang::En {
        if !yen.is_multiple_of(10_000) || yen < 1_000_000 {
            return None;
        }
        let millions = yen as f64 / 1_000_000.0;
        let text = if yen.is_multiple_of(1_000_000) {
            format_integer(yen / 1_000_000)
        } else {
            format!("{}", (millions * 100.0).round() / 100.0)
        };
        return Some(format!("{text} million"));
    }
    if rest != 0 {
        return None;
    }
    let (oku_unit, man_unit, sep, group) = match lang {
        Lang::Ja => ("億", "万", "", true),
        Lang::ZhHans => ("亿", "万", "", false),
        _ => ("억", "만", " ", true),
    };
    let man_text = if group { format_integer(man) } else { man.to_string() };
    Some(match (oku, man) {
        (0, m) => format!("{}{man_unit}", if group { format_integer(m) } else { m.to_string() }),
        (o, 0) => format!("{}{oku_unit}", format_integer(o)),
        (o, _) => format!("{}{oku_unit}{sep}{man_text}{man_unit}", format_integer(o)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn large_yen_as_each_language_prints_it() {
        assert_eq!(format_yen_large(Lang::Ja, 193_000_000).as_deref(), Some("1億9,300万"));
        assert_eq!(format_yen_large(Lang::ZhHans, 193_000_000).as_deref(), Some("1亿9300万"));
        assert_eq!(format_yen_large(Lang::Ko, 193_000_000).as_deref(), Some("1억 9,300만"));
        assert_eq!(format_yen_large(Lang::En, 193_000_000).as_deref(), Some("193 million"));
        assert_eq!(format_yen_large(Lang::Ja, 1_500_000).as_deref(), Some("150万"));
        assert_eq!(format_yen_large(Lang::En, 1_500_000).as_deref(), Some("1.5 million"));
        assert_eq!(format_yen_large(Lang::Ja, 200_000_000).as_deref(), Some("2億"));
        assert_eq!(format_yen_large(Lang::Ja, 9_999).as_deref(), None);
        assert_eq!(format_yen_large(Lang::Ja, 1_234_567), None);
    }

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
