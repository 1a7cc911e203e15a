"""safetykg: a knowledge graph of the work-safety responsibility rules for Party and government leaders (安全生产责任制)."""

__version__ = "0.1.0"
