-- Server instances keep the users' rows their sessions read (every request checks its user's
-- role, state and key): every change of a row tells them to read it again, whoever made it (an
-- instance, the command line, a migration). Only adds: instances of the previous version ignore it.

CREATE FUNCTION notify_user_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('promise_desk_users', COALESCE(NEW.name_lower, OLD.name_lower));
  RETURN NULL;
END $$;
CREATE TRIGGER users_notify AFTER INSERT OR UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION notify_user_change();
