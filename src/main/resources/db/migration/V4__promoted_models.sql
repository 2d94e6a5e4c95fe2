-- Promoted models, kept where every instance of the app can load them (ModelRegistry asks for a name it does not
-- hold). The network is Smile's MLP in Java serialisation, read back through an allow-list of its classes; the card
-- holds the rest as JSON, with the recipe of the run's data split (re-made when loaded, and checked against a hash
-- of its training rows) instead of the rows themselves. Written in the SQL that H2 and PostgreSQL share: H2 reads
-- bytea as its binary varying type.

create table promoted_model (
    name        varchar(40)  not null primary key,
    run_id      varchar(32)  not null,
    dataset     varchar(40)  not null,
    created_at  timestamp with time zone not null,
    card        varchar(4000000) not null,
    network     bytea        not null
);

-- The store keeps the newest serving-lab.training.max-stored-models and deletes the oldest beyond them.
create index promoted_model_created on promoted_model (created_at);
