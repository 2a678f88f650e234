"""Icons, stylesheet, translations and the demo archive, installed with the app."""
