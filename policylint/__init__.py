"""policylint: a linter for customer-service policies, complaints policies and codes of conduct."""

__version__ = "0.1.0"
