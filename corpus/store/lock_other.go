//go:build !(linux || darwin || freebsd || openbsd || netbsd || dragonfly)

package store

import "context"

// lockFile is a no-op where flock(2) is missing: there only one process
// may write a folder at a time (the in-process lock still holds).
func lockFile(ctx context.Context, path string) (func(), error) {
	return func() {}, ctx.Err()
}
