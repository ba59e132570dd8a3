"""Coaching over the maths: quiz grading, predictions, and warning rules over simulations."""
