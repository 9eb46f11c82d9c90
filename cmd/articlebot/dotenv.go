package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/joho/godotenv"
)

// maxDotEnvBytes bounds the .env file read: a settings file is a few
// lines, and anything larger is not one.
const maxDotEnvBytes = 32 << 10

// withDotEnv returns a getenv that falls back to the settings of a .env
// file; the real environment wins. A missing file is fine; a broken one is
// an error that names the file and the line.
func withDotEnv(getenv func(string) string, path string) (func(string) string, error) {
	env, err := readDotEnv(path)
	if err != nil {
		return nil, err
	}
	return func(k string) string {
		if v := getenv(k); v != "" {
			return v
		}
		return env[k]
	}, nil
}

// readDotEnv reads the settings of a .env file, or none when there is no
// file. Errors say where the file is wrong but never show its text: the
// line may hold the token.
func readDotEnv(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]string{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxDotEnvBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(data) > maxDotEnvBytes {
		return nil, fmt.Errorf("%s is larger than %d bytes: not a settings file", path, maxDotEnvBytes)
	}
	if line, problem := dotEnvProblem(data); problem != "" {
		return nil, fmt.Errorf("%s line %d: %s (settings are KEY=value lines; see .env.example)", path, line, problem)
	}
	env, err := godotenv.UnmarshalBytes(data)
	if err != nil {
		// dotEnvProblem parses with godotenv too, so this does not
		// happen; godotenv's message quotes the file, so it is not shown.
		return nil, fmt.Errorf("%s is not a valid settings file", path)
	}
	return env, nil
}

// dotEnvProblem finds the first line of a .env file that godotenv cannot
// read, and what is wrong with it; line is 0 and problem "" when there is
// none. Each setting is parsed on its own, with the lines after it added
// while a quoted value is still open, so the grammar is godotenv's own.
func dotEnvProblem(data []byte) (line int, problem string) {
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	parse := func(from, to int) (map[string]string, error) {
		return godotenv.UnmarshalBytes([]byte(strings.Join(lines[from:to], "\n") + "\n"))
	}
	for start := 0; start < len(lines); {
		end := start + 1
		env, err := parse(start, end)
		if unterminated(err) {
			// A quoted value may go on over the lines after it; when the
			// rest of the file does not close it, nothing will.
			if _, err := parse(start, len(lines)); unterminated(err) {
				return start + 1, "a quoted value that is never closed"
			}
			for unterminated(err) && end < len(lines) {
				end++
				env, err = parse(start, end)
			}
		}
		if err != nil || hasEmptyKey(env) {
			return start + 1, "not a KEY=value setting"
		}
		start = end
	}
	return 0, ""
}

// unterminated reports godotenv's error for a quoted value with no closing
// quote (its message in v1.5.1, the pinned version).
func unterminated(err error) bool {
	return err != nil && strings.HasPrefix(err.Error(), "unterminated quoted value")
}

// hasEmptyKey reports a setting with no name ("=value"), which godotenv
// accepts.
func hasEmptyKey(env map[string]string) bool {
	_, ok := env[""]
	return ok
}
