// The sample's own tests ran (and passed, or the build would have failed), and its jar holds what was generated.
import java.util.zip.ZipFile

def report = new File(basedir, 'target/surefire-reports/TEST-com.example.pets.PetStoreTest.xml').text
assert report =~ /tests="8" errors="0" skipped="0" failures="0"/

def jar = new ZipFile(new File(basedir, 'target/pets-sdk-1.0.jar'))
['dev/specloom/pets/PetStoreClient.class',
 'dev/specloom/pets/model/Pet.class',
 'dev/specloom/lua/glue/PetStoreBinding.class',
 'META-INF/services/dev.specloom.lua.bridge.ProviderBinding',
 'dev/specloom/pets/docs/pets.md',
 'dev/specloom/pets/docs/list_pets.md',
 'dev/specloom/pets/tools/pets.tools.json'].each { assert jar.getEntry(it) != null : "$it missing from the jar" }
assert jar.getEntry('dev/specloom/pets/openapi/pets.openapi.json') == null : 'openapi was not a configured target'
jar.close()
