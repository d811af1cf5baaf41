"""essgraph: the map of Peru's Social and Solidarity Economy as a graph."""
