"""The Qt user interface: shared state, panels and reusable widgets."""
