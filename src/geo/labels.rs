//! Which map labels to show so that no two overlap: labels are placed in priority order (the selected
//! municipality first) and a label that would overlap one already placed is hidden.

/// A label's box on screen: centre and full size, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelBox {
    /// Centre of the box (x, y), in pixels.
    pub centre: [f32; 2],
    /// Full width and height, in pixels.
    pub size: [f32; 2],
}

impl LabelBox {
    fn overlaps(&self, o: &LabelBox, margin: f32) -> bool {
        (self.centre[0] - o.centre[0]).abs() * 2.0 < self.size[0] + o.size[0] + margin
            && (self.centre[1] - o.centre[1]).abs() * 2.0 < self.size[1] + o.size[1] + margin
    }
}

/// Visibility of each label. `order` lists label indices from most to least important; labels not in
/// `order` stay hidden.
pub fn place_labels(boxes: &[LabelBox], order: &[usize], margin: f32) -> Vec<bool> {
    let mut shown = vec![false; boxes.len()];
    let mut placed: Vec<usize> = Vec::new();
    for &i in order {
        if i < boxes.len() && !placed.iter().any(|p| boxes[*p].overlaps(&boxes[i], margin)) {
            shown[i] = true;
            placed.push(i);
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(x: f32, y: f32, w: f32) -> LabelBox {
        LabelBox { centre: [x, y], size: [w, 10.0] }
    }

    #[test]
    fn overlapping_labels_give_way_to_the_more_important() {
        let boxes = [b(0.0, 0.0, 40.0), b(30.0, 0.0, 40.0), b(100.0, 0.0, 40.0), b(35.0, 4.0, 10.0)];
        // Label 1 first (selected): 0 and 3 overlap it and are hidden; 2 is clear.
        assert_eq!(place_labels(&boxes, &[1, 0, 2, 3], 2.0), [false, true, true, false]);
        assert_eq!(place_labels(&boxes, &[0, 1, 2, 3], 2.0), [true, false, true, true]);
        assert_eq!(place_labels(&boxes, &[2], 0.0), [false, false, true, false]);
        // Whatever the order, no two shown labels overlap.
        let shown = place_labels(&boxes, &[3, 2, 1, 0], 0.0);
        for i in 0..4 {
            for j in i + 1..4 {
                assert!(!(shown[i] && shown[j] && boxes[i].overlaps(&boxes[j], 0.0)));
            }
        }
    }
}
