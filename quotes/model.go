package quotes

import (
	"embed"
	"sync"

	"github.com/dossier-news/dossier/learn"
)

//go:embed model/*.model
var modelFS embed.FS

// models are the stage's learned parts; a nil model falls back to rules.
type models struct {
	cue, source *learn.Model
}

var (
	modelsOnce sync.Once
	loaded     *models
)

func loadModels() *models {
	modelsOnce.Do(func() {
		loaded = &models{cue: readModel("model/cue.model"), source: readModel("model/source.model")}
	})
	return loaded
}

func readModel(name string) *learn.Model {
	data, err := modelFS.ReadFile(name)
	if err != nil || len(data) == 0 {
		return nil
	}
	m, err := learn.Load(data)
	if err != nil {
		panic(name + ": " + err.Error())
	}
	return m
}
