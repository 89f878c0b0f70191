//! Track colours readable on the agenda's backgrounds: WCAG 2 relative luminance and contrast
//! ratio, and the nearest colour (mixed towards black on light pages, towards white on dark
//! ones) that reaches 3:1 against every background a track colour sits on (a card's edge, a
//! swatch on the page). A colour that already contrasts enough is kept as written.

/// The backgrounds of the light page (`--bg`, `--card`, `--break` in `templates/agenda.css`).
pub(crate) const LIGHT: [&str; 3] = ["#ffffff", "#f6f7f9", "#eceef1"];
/// The backgrounds of the dark page.
pub(crate) const DARK: [&str; 3] = ["#15191d", "#20262c", "#1b2025"];
/// The contrast a graphical object needs (WCAG 2.1, success criterion 1.4.11).
pub(crate) const MIN_RATIO: f64 = 3.0;

fn parse(hex: &str) -> Option<[u8; 3]> {
    let digits = hex.strip_prefix('#')?;
    if digits.len() != 6 || !digits.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&digits[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

fn hex(rgb: [u8; 3]) -> String {
    format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
}

/// Relative luminance of an sRGB colour (0 black … 1 white).
pub(crate) fn luminance(rgb: [u8; 3]) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
}

/// The contrast ratio of two colours (1 … 21).
pub(crate) fn ratio(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The contrast of `colour` against `#rrggbb` backgrounds (the lowest), when both parse.
#[cfg(test)]
pub(crate) fn min_ratio(colour: &str, backgrounds: &[&str]) -> Option<f64> {
    let c = parse(colour)?;
    backgrounds
        .iter()
        .map(|b| parse(b).map(|b| ratio(c, b)))
        .try_fold(f64::INFINITY, |m, r| r.map(|r| m.min(r)))
}

/// `colour`, or the least change of it towards `towards` (black or white) that contrasts at
/// least [`MIN_RATIO`] with every background. A colour that does not parse is returned as is.
fn adjust(colour: &str, backgrounds: &[&str], towards: u8) -> String {
    let Some(rgb) = parse(colour) else {
        return colour.to_string();
    };
    let Some(bgs) = backgrounds
        .iter()
        .map(|b| parse(b))
        .collect::<Option<Vec<_>>>()
    else {
        return colour.to_string();
    };
    let good = |c: [u8; 3]| bgs.iter().all(|&b| ratio(c, b) >= MIN_RATIO);
    // In 1/64 steps: the first mix that is readable (pure black or white always is).
    for step in 0..=64u16 {
        let mix = |c: u8| {
            let (c, t) = (u16::from(c), u16::from(towards));
            let v = (c * (64 - step) + t * step + 32) / 64;
            u8::try_from(v).unwrap_or(towards)
        };
        let candidate = [mix(rgb[0]), mix(rgb[1]), mix(rgb[2])];
        if good(candidate) {
            return hex(candidate);
        }
    }
    hex([towards; 3])
}

/// The track colour for the light page (darkened when too pale).
pub(crate) fn for_light(colour: &str) -> String {
    adjust(colour, &LIGHT, 0)
}

/// The track colour for the dark page (lightened when too dark).
pub(crate) fn for_dark(colour: &str) -> String {
    adjust(colour, &DARK, 255)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_match_wcag() {
        assert!((ratio([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
        assert!((ratio([1, 2, 3], [1, 2, 3]) - 1.0).abs() < 1e-9);
        // #767676 on white is the well-known 4.54:1.
        let r = min_ratio("#767676", &["#ffffff"]).unwrap();
        assert!((r - 4.54).abs() < 0.01, "{r}");
    }

    #[test]
    fn every_colour_reaches_three_to_one_in_both_modes() {
        // Pale, dark, saturated and grey colours, and the default palette.
        let mut colours: Vec<String> = ["#ffffff", "#000000", "#15191d", "#ffff00", "#1a1a2e"]
            .iter()
            .map(|c| c.to_string())
            .collect();
        colours.extend(crate::export::view::PALETTE.iter().map(|c| c.to_string()));
        for v in (0..=255u8).step_by(17) {
            colours.push(hex([v, 255 - v, v / 2]));
            colours.push(hex([v, v, v]));
        }
        for c in &colours {
            let light = for_light(c);
            let dark = for_dark(c);
            assert!(
                min_ratio(&light, &LIGHT).unwrap() >= MIN_RATIO,
                "{c} → {light}"
            );
            assert!(
                min_ratio(&dark, &DARK).unwrap() >= MIN_RATIO,
                "{c} → {dark}"
            );
        }
    }

    #[test]
    fn readable_colours_are_kept_and_others_change_little() {
        assert_eq!(for_light("#3b6fb6"), "#3b6fb6");
        assert_eq!(for_dark("#8cbcf0"), "#8cbcf0");
        // The dark-mode failure of the issue: a navy track on the dark page (1.02:1).
        assert!(min_ratio("#1a1f24", &DARK).unwrap() < 1.1);
        let lifted = for_dark("#1a1f24");
        assert_ne!(lifted, "#ffffff", "lightened, not replaced by white");
        assert!(min_ratio(&lifted, &DARK).unwrap() >= MIN_RATIO);
        // Yellow on white is darkened.
        assert_ne!(for_light("#ffff00"), "#ffff00");
        // Not a colour: untouched.
        assert_eq!(for_light("red"), "red");
    }
}
