"""The Textual app: a thin shell over the pure core. Build it with :func:`make_app`."""
