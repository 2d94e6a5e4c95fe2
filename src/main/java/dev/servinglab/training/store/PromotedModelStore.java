package dev.servinglab.training.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Keeps promoted models in the database, the newest ones up to a bound.
 */
@ApplicationScoped
public class PromotedModelStore {

    /**
     * Stores a model, then deletes the oldest ones while more than {@code keep} are stored, in one transaction.
     *
     * @return the names of the models deleted, oldest first
     * @throws jakarta.persistence.PersistenceException if a model of that name is stored already
     */
    @Transactional
    public List<String> save(StoredModel model, int keep) {
        model.persistAndFlush();
        List<String> names = StoredModel.getEntityManager()
                .createQuery("select m.name from StoredModel m order by m.createdAt desc, m.name desc", String.class)
                .getResultList();
        List<String> deleted = names.subList(Math.min(Math.max(1, keep), names.size()), names.size())
                .reversed();
        if (!deleted.isEmpty()) {
            StoredModel.delete("name in ?1", deleted);
        }
        return deleted;
    }

    /** Finds the stored model of that name. */
    @Transactional
    public Optional<StoredModel> find(String name) {
        return StoredModel.findByIdOptional(name);
    }
}
