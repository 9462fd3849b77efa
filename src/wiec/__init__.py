"""Wiec: a civic participation platform for Polish local governments."""
