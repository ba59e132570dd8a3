"""debtcoach: a terminal tutor showing, with exact numbers, how small loans become a debt spiral."""

__version__ = "0.1.0"
