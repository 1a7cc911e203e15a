"""safetykg: a knowledge graph of China's work-safety responsibility rules for Party and government leaders."""

__version__ = "0.1.0"
