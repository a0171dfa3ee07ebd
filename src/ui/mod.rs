//! Drawing: pure functions from state to ratatui widgets; drawing never changes state.
