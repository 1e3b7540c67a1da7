"""Streamlit glue: cached wrappers around geo/, session keys, shared widgets."""
