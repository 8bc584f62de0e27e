"""sidelined: football news in, dated and sourced injury and availability knowledge out."""

__version__ = "0.1.0"
