//! Colouring the map by a number: values are split into five classes by quantile; municipalities without
//! the number are "no data", never zero.

/// Class (0–4) of each value; `None` where there is no value.
pub fn classes(values: &[Option<f64>]) -> Vec<Option<usize>> {
    let mut sorted: Vec<f64> = values.iter().flatten().copied().filter(|v| v.is_finite()).collect();
    sorted.sort_by(f64::total_cmp);
    if sorted.is_empty() {
        return vec![None; values.len()];
    }
    let (lo, hi) = (sorted[0], sorted[sorted.len() - 1]);
    // Upper bounds of classes 0..3 at the 20/40/60/80 % quantiles.
    let breaks: Vec<f64> = (1..5).map(|k| sorted[(k * sorted.len() / 5).min(sorted.len() - 1)]).collect();
    values
        .iter()
        .map(|v| {
            let v = (*v)?;
            if !v.is_finite() {
                return None;
            }
            if hi == lo {
                return Some(2);
            }
            Some(breaks.iter().filter(|b| v >= **b).count().min(4))
        })
        .collect()
}

/// The smallest and largest value in each class (for the legend).
pub fn class_ranges(values: &[Option<f64>], classes: &[Option<usize>]) -> [Option<(f64, f64)>; 5] {
    let mut out = [None; 5];
    for (v, c) in values.iter().zip(classes) {
        if let (Some(v), Some(c)) = (v, c) {
            let r: &mut Option<(f64, f64)> = &mut out[*c];
            *r = Some(r.map_or((*v, *v), |(a, b)| (a.min(*v), b.max(*v))));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantile_classes_keep_missing_data_apart() {
        let values: Vec<Option<f64>> = (1..=10).map(|v| Some(f64::from(v))).chain([None]).collect();
        let c = classes(&values);
        assert_eq!(c[0], Some(0));
        assert_eq!(c[9], Some(4));
        assert_eq!(c[10], None);
        assert!(c.windows(2).take(9).all(|w| w[0] <= w[1]), "classes follow the values: {c:?}");
        let r = class_ranges(&values, &c);
        assert_eq!(r[0], Some((1.0, 2.0)));
        assert_eq!(r[4], Some((9.0, 10.0)));
        // One value for all: the middle class. None at all: every municipality "no data".
        assert_eq!(classes(&[Some(6.0), Some(6.0)]), [Some(2), Some(2)]);
        assert_eq!(classes(&[None, None]), [None, None]);
    }
}
