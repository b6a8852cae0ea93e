package api

// questions declares the routes of the questions of package query
// (search, quotes, events, figures, actors, timeline, stories).
func (a *API) questions() []Route { return nil }
