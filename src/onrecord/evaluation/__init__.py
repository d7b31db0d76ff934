"""Evaluation: gold readers (`gold`), the FORMAT.md scoring rules (`scoring`) and the run that
analyses a gold set and scores it (`evaluate`)."""
