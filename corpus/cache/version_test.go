package cache

import bolt "go.etcd.io/bbolt"

// setVersion writes another version into a closed cache.
func setVersion(path, v string) error {
	db, err := bolt.Open(path, 0o644, nil)
	if err != nil {
		return err
	}
	defer db.Close()
	return db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keyVersion, []byte(v)) })
}
