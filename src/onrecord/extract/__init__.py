"""The spaCy pipeline and its components: one NLP concern a module, each writing one `Doc._`
extension (see `pipeline`)."""
