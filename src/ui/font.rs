//! A hand-made block font for the words and digits that must be read from
//! across a room. Glyphs are 5 pixels tall; each pixel is scaled to
//! `sx` columns by `sy` half-rows and drawn with half-block characters, so a
//! pixel can be as small as half a terminal cell in height.

use ratatui::text::Line;

/// Height of every glyph in pixels.
const HEIGHT: usize = 5;

/// The bitmap of one character, or `None` when the font lacks it.
fn glyph(c: char) -> Option<&'static [&'static str; HEIGHT]> {
    Some(match c.to_ascii_uppercase() {
        '0' | 'O' => &["###", "#.#", "#.#", "#.#", "###"],
        '1' => &[".#.", "##.", ".#.", ".#.", "###"],
        '2' => &["###", "..#", "###", "#..", "###"],
        '3' => &["###", "..#", "###", "..#", "###"],
        '4' => &["#.#", "#.#", "###", "..#", "..#"],
        '5' | 'S' => &["###", "#..", "###", "..#", "###"],
        '6' => &["###", "#..", "###", "#.#", "###"],
        '7' => &["###", "..#", "..#", "..#", "..#"],
        '8' => &["###", "#.#", "###", "#.#", "###"],
        '9' => &["###", "#.#", "###", "..#", "###"],
        ':' => &[".", "#", ".", "#", "."],
        '/' => &["..#", "..#", ".#.", "#..", "#.."],
        ' ' => &["..", "..", "..", "..", ".."],
        'A' => &["###", "#.#", "###", "#.#", "#.#"],
        'C' => &["###", "#..", "#..", "#..", "###"],
        'D' => &["##.", "#.#", "#.#", "#.#", "##."],
        'E' => &["###", "#..", "##.", "#..", "###"],
        'F' => &["###", "#..", "##.", "#..", "#.."],
        'G' => &["###", "#..", "#.#", "#.#", "###"],
        'H' => &["#.#", "#.#", "###", "#.#", "#.#"],
        'I' => &["###", ".#.", ".#.", ".#.", "###"],
        'K' => &["#.#", "#.#", "##.", "#.#", "#.#"],
        'L' => &["#..", "#..", "#..", "#..", "###"],
        'M' => &["#...#", "##.##", "#.#.#", "#...#", "#...#"],
        'N' => &["#..#", "##.#", "#.##", "#..#", "#..#"],
        'P' => &["###", "#.#", "###", "#..", "#.."],
        'R' => &["##.", "#.#", "##.", "#.#", "#.#"],
        'T' => &["###", ".#.", ".#.", ".#.", ".#."],
        'U' => &["#.#", "#.#", "#.#", "#.#", "###"],
        'W' => &["#...#", "#...#", "#.#.#", "#.#.#", ".#.#."],
        'Y' => &["#.#", "#.#", ".#.", ".#.", ".#."],
        _ => return None,
    })
}

/// How big each font pixel is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    /// Columns per pixel.
    pub sx: u16,
    /// Half-rows per pixel.
    pub sy: u16,
}

/// True when every character of `text` has a glyph.
pub fn supports(text: &str) -> bool {
    text.chars().all(|c| glyph(c).is_some())
}

/// Width in columns of `text` drawn at `scale` (one pixel gap between glyphs).
pub fn width(text: &str, scale: Scale) -> u16 {
    let pixels: usize = text
        .chars()
        .filter_map(glyph)
        .map(|g| g[0].len() + 1)
        .sum::<usize>()
        .saturating_sub(1);
    u16::try_from(pixels)
        .unwrap_or(u16::MAX)
        .saturating_mul(scale.sx)
}

/// Height in rows of any text drawn at `scale`.
pub fn height(scale: Scale) -> u16 {
    (HEIGHT as u16 * scale.sy).div_ceil(2)
}

/// The largest scale at which `text` fits in `cols` x `rows`, no taller than
/// `max_sy`; pixels are kept between square and twice as wide as tall.
pub fn fit(text: &str, cols: u16, rows: u16, max_sy: u16) -> Option<Scale> {
    if text.is_empty() || !supports(text) {
        return None;
    }
    (1..=max_sy.max(1)).rev().find_map(|sy| {
        let widest = (sy * 3).div_ceil(2);
        let narrowest = sy.div_ceil(2).max(1);
        (narrowest..=widest)
            .rev()
            .map(|sx| Scale { sx, sy })
            .find(|&s| width(text, s) <= cols && height(s) <= rows)
    })
}

/// Draws `text` as rows of block characters (unstyled; the caller styles
/// and aligns the lines). Characters without a glyph are skipped.
pub fn render(text: &str, scale: Scale) -> Vec<Line<'static>> {
    let glyphs: Vec<_> = text.chars().filter_map(glyph).collect();
    // Pixel rows scaled to half-rows: half-row h shows pixel row h / sy.
    let half_rows = HEIGHT * scale.sy as usize;
    let lit = |half: usize, col_px: &dyn Fn(usize) -> bool| half < half_rows && col_px(half);
    let mut lines = Vec::new();
    for row in 0..height(scale) as usize {
        let mut s = String::new();
        for (i, g) in glyphs.iter().enumerate() {
            if i > 0 {
                s.extend(std::iter::repeat_n(' ', scale.sx as usize));
            }
            for px in 0..g[0].len() {
                let on = |half: usize| g[half / scale.sy as usize].as_bytes()[px] == b'#';
                let top = lit(2 * row, &on);
                let bottom = lit(2 * row + 1, &on);
                let ch = match (top, bottom) {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (false, false) => ' ',
                };
                s.extend(std::iter::repeat_n(ch, scale.sx as usize));
            }
        }
        lines.push(Line::from(s));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_word_has_glyphs() {
        use crate::engine::{Label, TempoStep};
        use crate::routine::Side;
        let labels = Label::ALL.map(Label::text);
        let sides = [Side::Left, Side::Right].map(Side::label);
        let tempo = [TempoStep::Up, TempoStep::Hold, TempoStep::Down].map(TempoStep::label);
        let words = labels.into_iter().chain(sides).chain(tempo);
        for word in words.chain(["0123456789:/"]) {
            assert!(supports(word), "{word}");
        }
    }

    #[test]
    fn rendered_size_matches_width_and_height() {
        let s = Scale { sx: 2, sy: 3 };
        let lines = render("12:05", s);
        assert_eq!(lines.len() as u16, height(s));
        for l in &lines {
            assert_eq!(l.width() as u16, width("12:05", s));
        }
    }

    #[test]
    fn fit_picks_largest_that_fits_and_none_when_too_small() {
        let s = fit("88", 100, 10, 10).unwrap();
        assert!(height(s) <= 10 && width("88", s) <= 100);
        assert!(
            height(Scale {
                sx: s.sx,
                sy: s.sy + 1
            }) > 10
                || s.sy == 10
        );
        assert_eq!(fit("88", 3, 2, 10), None);
        assert_eq!(fit("§", 100, 100, 4), None);
    }

    #[test]
    fn one_at_smallest_scale_is_drawn_with_half_blocks() {
        let lines = render("1", Scale { sx: 1, sy: 1 });
        let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(text, vec!["▄█ ", " █ ", "▀▀▀"]);
    }
}
