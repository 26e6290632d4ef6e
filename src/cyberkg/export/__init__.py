"""Stage 7 — export: write graphs and views to files."""
