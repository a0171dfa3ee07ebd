//! The interactive app: terminal lifecycle, the event loop, input to commands.
