//! Audio cues: sounds for every engine cue, played through a swappable backend.
