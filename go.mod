module github.com/dossier-news/dossier

go 1.26
