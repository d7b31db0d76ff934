"""onrecord: who said what, who predicted what, and whether they were right."""
from .analysis import Request, analyze, analyze_many
from .model import Analysis, Article, Forecast, Person, Quote

__version__ = "0.1.0"
__all__ = ["analyze", "analyze_many", "Request", "Analysis", "Article", "Forecast", "Person", "Quote", "__version__"]
